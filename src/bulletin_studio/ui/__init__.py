"""The desktop app (PySide6): a thin layer over model, storage, render and export."""
