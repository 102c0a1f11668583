"""The one error type storage raises, so callers (CLI, GUI) show its message and nothing else."""

from collections.abc import Sequence
from pathlib import Path

from bulletin_studio.errors import BulletinError
from bulletin_studio.model.problems import Problem


class StorageError(BulletinError):
    """A file that cannot be read or written; the message names the file (and member) and why.

    ``problems`` carries the model's validation problems (with node ids) when the file's content
    was refused, so ``bulletin-studio validate`` and the GUI can list them one by one.
    """

    def __init__(self, message: str, problems: Sequence[Problem] = ()) -> None:
        super().__init__(message)
        self.problems = tuple(problems)


def invalid_file(path: Path, reason: str, member: str | None = None) -> StorageError:
    """The common «文件 x 不是有效的简报文件：…» message, naming the member when there is one."""
    where = f"{member}：" if member else ""
    return StorageError(f"文件 {path.name} 不是有效的简报文件：{where}{reason}")
