"""Where the project's data folders live (the repository root in a source checkout)."""

from pathlib import Path

PROJECT_ROOT = Path(__file__).resolve().parents[2]
RESOURCES_DIR = PROJECT_ROOT / "resources"
LAYOUTS_DIR = PROJECT_ROOT / "layouts"
SAMPLE_DIR = RESOURCES_DIR / "sample"
PROFILES_DIR = RESOURCES_DIR / "icc"
