"""Fixtures shared across the suite; hypothesis strategies for documents live in strategies.py."""

import contextlib
import os
import shutil
import subprocess
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest

from bulletin_studio import messages

os.environ["BULLETIN_STUDIO_LANG"] = "zh_CN"  # for the CLI runs in subprocesses too
from bulletin_studio.model import (
    Article,
    Figure,
    ImageRef,
    Issue,
    LogoStrip,
    Numbering,
    Paragraph,
    Section,
    SectionKind,
)
from bulletin_studio.render import segment
from bulletin_studio.render.kept_cuts import KeptCuts, segmenter_build
from bulletin_studio.storage import AssetStore, Document
from tests.strategies import png_bytes


@pytest.fixture(autouse=True, scope="session")
def _word_cuts_kept_apart(tmp_path_factory: pytest.TempPathFactory) -> Iterator[None]:
    """Generated headings stay out of the user's cache of word cuts (``kept_cuts``)."""
    store = KeptCuts(tmp_path_factory.mktemp("cuts"), segmenter_build())
    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(segment, "_kept_cuts", lambda: store)
        yield


@pytest.fixture(autouse=True)
def _messages_in_chinese() -> Iterator[None]:
    """The core speaks Chinese in tests, whatever the machine's locale (CI's may be English)."""
    messages.use_language("zh_CN")
    yield
    messages.use_language("zh_CN")


@pytest.fixture
def small_document() -> Document:
    """One section, one article with a paragraph, a figure and a logo strip (two images)."""
    assets = AssetStore()
    photo = assets.add(png_bytes((200, 30, 30), (3, 2)))
    logo = assets.add(png_bytes((30, 30, 200)))
    issue = Issue(
        numbering=Numbering(year=2024, number=1, cumulative=15),
        sections=[
            Section(
                id="sec_news",
                kind=SectionKind.NETWORK_NEWS,
                title="同一个地球网络最新进展",
                items=[
                    Article(
                        id="art_one",
                        title="公共采购为实现可持续和循环转型采取实际行动",
                        blocks=[
                            Paragraph(
                                id="p_lead", text="**活动筹资：**设计、策划相关活动", lead=True
                            ),
                            Figure(id="f_cert", image=ImageRef(asset=photo), caption="证书"),
                            LogoStrip(id="g_logos", logos=[ImageRef(asset=logo)], caption="伙伴"),
                        ],
                    )
                ],
            )
        ],
    )
    return Document(issue=issue, assets=assets)


@pytest.fixture
def full_disk(tmp_path: Path) -> Iterator[Path]:
    """A private 4 MB tmpfs, for a real full disk (``fill`` it); skipped without root or mount."""
    if not hasattr(os, "geteuid") or os.geteuid() != 0 or shutil.which("mount") is None:
        pytest.skip("mounting a small tmpfs needs root")
    disk = tmp_path / "disk"
    disk.mkdir()
    mounted = subprocess.run(
        ["mount", "-t", "tmpfs", "-o", "size=4m", "tmpfs", str(disk)], capture_output=True
    )
    if mounted.returncode != 0:
        pytest.skip(f"cannot mount a tmpfs here: {mounted.stderr.decode(errors='replace')}")
    try:
        yield disk
    finally:
        subprocess.run(["umount", "-l", str(disk)], check=False)


def fill(disk: Path) -> None:
    """Write zeros until the disk is full."""
    with contextlib.suppress(OSError), (disk / "filler").open("wb", buffering=0) as filler:
        while True:
            filler.write(b"\0" * 4096)


Convert = Callable[[Path, str], Path]


@pytest.fixture(scope="session")
def libreoffice(tmp_path_factory: pytest.TempPathFactory) -> Convert:
    """``convert(path, "docx")``: the file opened and saved again by LibreOffice, with a
    private profile (a user's running LibreOffice would otherwise take the job)."""
    soffice = shutil.which("soffice")
    assert soffice, "LibreOffice is part of the test environment"
    profile = tmp_path_factory.mktemp("lo-profile")

    def convert(path: Path, fmt: str) -> Path:
        outdir = tmp_path_factory.mktemp("lo-out")
        subprocess.run(
            [
                soffice,
                f"-env:UserInstallation=file://{profile}",
                "--headless",
                "--convert-to",
                fmt,
                "--outdir",
                str(outdir),
                str(path),
            ],
            check=True,
            capture_output=True,
            timeout=180,
        )
        result = outdir / f"{path.stem}.{fmt}"
        assert result.is_file(), f"LibreOffice did not write {result.name}"
        return result

    return convert
