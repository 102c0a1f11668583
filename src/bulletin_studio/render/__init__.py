"""Issue + Layout → neutral render tree; fonts and Chinese line breaking for the writers."""
