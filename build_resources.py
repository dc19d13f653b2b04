# SPDX-License-Identifier: EUPL-1.2
"""The build step that ships ``resources/`` in the wheel as ``app``'s package data.

The repository keeps ``resources/`` at the top (the house layout); a wheel and the desktop
build carry what the program reads at run time as ``app/resources/`` (found through
``importlib.resources``, see ``app/resource_paths.py``): the rules, the sample data, the
icon's SVG, the example configuration and the gettext catalogues, compiled here from their
``.po`` with Babel. setuptools runs it as ``build_py`` (``[tool.setuptools.cmdclass]`` in
pyproject.toml); ``installer/baliecheck.spec`` calls :func:`stage_resources` for the same
set. An editable install (``pip install -e .``) reads the repository's folder, so it only
compiles the catalogues there.
"""

from __future__ import annotations

import shutil
from pathlib import Path

from setuptools.command.build_py import build_py

ROOT = Path(__file__).resolve().parent
RESOURCES = "resources"
# Where the resources go, relative to the folder that holds the packages.
PACKAGE_DATA_DIR = Path("app") / RESOURCES
DOMAIN = "baliecheck"
# What the program reads at run time, relative to resources/ (catalogues apart: compiled).
SHIPPED = ("rules/*.toml", "sample/*.toml", "icons/*.svg", "config.example.toml")


def shipped_files(resources: Path) -> list[Path]:
    """The files of ``resources`` that ship as they are, relative to it."""
    found = {path for pattern in SHIPPED for path in resources.glob(pattern) if path.is_file()}
    if not any(path.parent.name == "rules" for path in found):
        raise FileNotFoundError(f"no rules in {resources / 'rules'}: nothing to decide with")
    return sorted(path.relative_to(resources) for path in found)


def stage_resources(resources: Path, target: Path) -> list[Path]:
    """Copy what ships from ``resources`` into ``target`` and compile the catalogues there."""
    written = []
    for relative in shipped_files(resources):
        destination = target / relative
        destination.parent.mkdir(parents=True, exist_ok=True)
        shutil.copyfile(resources / relative, destination)
        written.append(destination)
    from app.i18n import compile_catalogues  # noqa: PLC0415 - the one compiler, from the tree

    return written + compile_catalogues(resources / "locale", target / "locale")


class BuildPyWithResources(build_py):
    """setuptools' ``build_py``, then the resources into ``<build_lib>/app/resources``."""

    def initialize_options(self) -> None:
        super().initialize_options()
        self.staged: list[Path] = []

    def run(self) -> None:
        super().run()
        resources = ROOT / RESOURCES
        if self.editable_mode:  # the package reads the repository's resources/ itself
            from app.i18n import compile_catalogues  # noqa: PLC0415 - the one compiler

            compile_catalogues(resources / "locale")
            return
        target = Path(self.build_lib) / PACKAGE_DATA_DIR
        shutil.rmtree(target, ignore_errors=True)  # nothing left from an earlier build
        self.staged = stage_resources(resources, target)

    def get_outputs(self, include_bytecode: bool = True) -> list[str]:
        return [*super().get_outputs(include_bytecode), *map(str, self.staged)]
