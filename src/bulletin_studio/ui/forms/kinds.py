"""Which editor widget a model field gets, read from its annotation (no per-field tables)."""

import datetime as dt
import enum
import types
from typing import Annotated, Any, Literal, Union, get_args, get_origin

from annotated_types import Ge, Le
from pydantic import BaseModel

from bulletin_studio.model.blocks import ImageRef
from bulletin_studio.model.markup import validate_markup
from bulletin_studio.model.urls import check_email, check_url


def _unwrap(model: type[BaseModel], name: str) -> tuple[Any, list[Any], bool]:
    info = model.model_fields[name]
    annotation, metadata, optional = info.annotation, list(info.metadata), False
    if get_origin(annotation) in (Union, types.UnionType) and type(None) in get_args(annotation):
        optional = True
        annotation = next(arg for arg in get_args(annotation) if arg is not type(None))
    if get_origin(annotation) is Annotated:
        annotation, *extra = get_args(annotation)
        metadata += extra
    return annotation, metadata, optional


def field_kind(model: type[BaseModel], name: str) -> str:
    """One of rich, url, email, text, bool, int, float, date, image, choice."""
    annotation, metadata, _ = _unwrap(model, name)
    validators = {getattr(item, "func", None) for item in metadata}
    if validate_markup in validators:
        return "rich"
    if check_url in validators:
        return "url"
    if check_email in validators:
        return "email"
    if get_origin(annotation) is Literal or (
        isinstance(annotation, type) and issubclass(annotation, enum.Enum)
    ):
        return "choice"
    simple = {bool: "bool", int: "int", float: "float", dt.date: "date", ImageRef: "image"}
    return simple.get(annotation, "text")


def is_optional(model: type[BaseModel], name: str) -> bool:
    return _unwrap(model, name)[2]


def choices(model: type[BaseModel], name: str) -> list[str]:
    annotation = _unwrap(model, name)[0]
    if get_origin(annotation) is Literal:
        return [str(value) for value in get_args(annotation)]
    return [member.value for member in annotation]


def bounds(model: type[BaseModel], name: str) -> tuple[float | None, float | None]:
    """The ge/le limits of a number field, for the spin box range."""
    low = high = None
    for item in _unwrap(model, name)[1]:
        if isinstance(item, Ge):
            low = item.ge
        elif isinstance(item, Le):
            high = item.le
    return low, high


def description(model: type[BaseModel], name: str) -> str:
    return model.model_fields[name].description or ""
