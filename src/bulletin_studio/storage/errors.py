"""The one error type storage raises, so callers (CLI, GUI) show its message and nothing else."""

import errno
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


_ADVICE = {
    errno.ENOSPC: "磁盘已满，请腾出空间后重试",
    errno.EDQUOT: "超出磁盘配额，请腾出空间后重试",
    errno.EACCES: "没有权限，请检查文件和所在文件夹的权限，或换个位置",
    errno.EPERM: "没有权限，请检查文件和所在文件夹的权限，或换个位置",
    errno.EROFS: "磁盘是只读的，请换个位置",
    errno.ENOENT: "文件夹不存在，请检查路径",
    errno.EIO: "磁盘或网络读写出错，请检查连接后重试",
}


def describe_os_error(error: OSError) -> str:
    """What went wrong in the editor's words and what to do, with the system's text after it."""
    detail = error.strerror or str(error)
    advice = _ADVICE.get(error.errno or 0)
    return f"{advice}（{detail}）" if advice else detail
