"""Font resolution: discovery of installed faces, CFF → TrueType conversion, per-role stacks."""

from bulletin_studio.render.fonts.resolve import FaceSpec, FontError, FontResolver

__all__ = ["FaceSpec", "FontError", "FontResolver"]
