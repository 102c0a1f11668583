"""Font resolution for the writers: discovery, CFF → TrueType conversion, per-role stacks."""

from bulletin_studio.render.fonts.resolve import FontError, FontFace, FontResolver

__all__ = ["FontError", "FontFace", "FontResolver"]
