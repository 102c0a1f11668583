"""One form per kind of node, generated from the model's fields where that reads well."""
