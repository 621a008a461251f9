#!/usr/bin/env python3
"""Copy the front-end assets Werkroute needs from node_modules into the repo.

Werkroute has no JS bundler: the few third-party CSS/JS files it serves are
committed under ``werkroute/core/static/vendor/`` (and axe-core, used only by
the accessibility tests, under ``tests/browser/vendor/``).  This script is the
one way those files get there, so they can always be reproduced from the
exact versions pinned in ``package.json`` / ``package-lock.json``::

    npm ci --ignore-scripts
    python3 scripts/vendor_assets.py          # copy (idempotent)
    python3 scripts/vendor_assets.py --check  # exit 1 if the copies are stale

Each package gets its own folder, with its licence file(s) copied next to the
assets, and ``werkroute/core/static/vendor/VERSIONS.txt`` lists
``package@version`` for everything vendored.  Files in a managed folder that
are no longer part of the list are removed, so an upgrade leaves no leftovers.

Files are copied byte for byte.  Source maps named by a ``//# sourceMappingURL=``
comment are copied too, because Django's ManifestStaticFilesStorage (used
via WhiteNoise) fails collectstatic on a reference to a missing file; as a
guard, should a package ever name a map it does not ship, that one comment
line is dropped from the copy instead.

Python 3.11 standard library only.
"""

from __future__ import annotations

import argparse
import json
import re
import sys
from dataclasses import dataclass, field
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
NODE_MODULES = ROOT / "node_modules"
STATIC_VENDOR = ROOT / "werkroute" / "core" / "static" / "vendor"
TEST_VENDOR = ROOT / "tests" / "browser" / "vendor"
VERSIONS_FILE = STATIC_VENDOR / "VERSIONS.txt"


@dataclass(frozen=True)
class Package:
    name: str  # npm package name
    dest: Path  # folder the files are copied into
    # (source path inside the package, destination path inside dest);
    # a source ending in "/*.ext" copies every matching file of that folder.
    files: tuple[tuple[str, str], ...]
    licenses: tuple[str, ...]  # copied under the same name into dest
    optional: tuple[tuple[str, str], ...] = field(default=())  # copied if present
    # Remove other files in dest?  Only for folders this script owns outright.
    prune: bool = True


PACKAGES: tuple[Package, ...] = (
    Package(
        name="@utrecht/component-library-css",
        dest=STATIC_VENDOR / "utrecht",
        files=(("dist/index.css", "index.css"),),
        optional=(("dist/html.css", "html.css"),),
        licenses=("LICENSE.md",),
    ),
    Package(
        name="@nl-design-system-unstable/voorbeeld-design-tokens",
        dest=STATIC_VENDOR / "voorbeeld-theme",
        files=(("dist/theme.css", "theme.css"),),
        licenses=("LICENSE.md",),
    ),
    Package(
        name="leaflet",
        dest=STATIC_VENDOR / "leaflet",
        files=(
            ("dist/leaflet.js", "leaflet.js"),
            # referenced by the sourceMappingURL comment of the file above
            ("dist/leaflet.js.map", "leaflet.js.map"),
            ("dist/leaflet.css", "leaflet.css"),
            # leaflet.css uses url(images/...): the folder must sit next to it.
            ("dist/images/*.png", "images/"),
        ),
        licenses=("LICENSE",),
    ),
    Package(
        name="leaflet.markercluster",
        dest=STATIC_VENDOR / "leaflet-markercluster",
        files=(
            ("dist/leaflet.markercluster.js", "leaflet.markercluster.js"),
            # referenced by the sourceMappingURL comment of the file above
            ("dist/leaflet.markercluster.js.map", "leaflet.markercluster.js.map"),
            ("dist/MarkerCluster.css", "MarkerCluster.css"),
            ("dist/MarkerCluster.Default.css", "MarkerCluster.Default.css"),
        ),
        licenses=("MIT-LICENCE.txt",),
    ),
    Package(
        name="axe-core",
        dest=TEST_VENDOR,
        files=(("axe.min.js", "axe.min.js"),),
        licenses=("LICENSE", "LICENSE-3RD-PARTY.txt"),
        prune=False,  # tests/browser/vendor may hold other test helpers
    ),
)

# A whole `//# sourceMappingURL=x` or `/*# sourceMappingURL=x */` line.
SOURCE_MAP_RE = re.compile(rb"^(?://|/\*)# sourceMappingURL=([^\s*]+)[^\n]*(?:\n|\Z)", re.M)


class VendorError(Exception):
    pass


def pinned_versions() -> dict[str, str]:
    manifest = json.loads((ROOT / "package.json").read_text(encoding="utf-8"))
    return manifest.get("devDependencies", {})


def installed_version(pkg: Package, pinned: dict[str, str]) -> str:
    pkg_json = NODE_MODULES / pkg.name / "package.json"
    if not pkg_json.is_file():
        raise VendorError(
            f"{pkg.name} is not installed in {NODE_MODULES}; run `npm ci --ignore-scripts` first"
        )
    version = json.loads(pkg_json.read_text(encoding="utf-8"))["version"]
    want = pinned.get(pkg.name)
    if want is None:
        raise VendorError(f"{pkg.name} is not listed in package.json devDependencies")
    if want != version:
        raise VendorError(
            f"{pkg.name}: package.json pins {want} but node_modules has {version}; "
            "run `npm ci --ignore-scripts`"
        )
    return version


def strip_dangling_source_maps(data: bytes, src: Path) -> bytes:
    """Drop sourceMappingURL comments whose map file the package does not ship."""

    def repl(match: re.Match[bytes]) -> bytes:
        target = match.group(1).decode("utf-8", "replace")
        if target.startswith("data:") or (src.parent / target).is_file():
            return match.group(0)
        return b""

    return SOURCE_MAP_RE.sub(repl, data)


def planned_files(pkg: Package) -> dict[Path, bytes]:
    """Map destination path -> bytes for one package."""
    base = NODE_MODULES / pkg.name
    out: dict[Path, bytes] = {}

    def add(src_rel: str, dest_rel: str, required: bool) -> None:
        if "*" in Path(src_rel).name:
            folder = base / Path(src_rel).parent
            matches = sorted(folder.glob(Path(src_rel).name))
            if not matches and required:
                raise VendorError(f"{pkg.name}: nothing matches {src_rel}")
            for src in matches:
                out[pkg.dest / dest_rel / src.name] = src.read_bytes()
            return
        src = base / src_rel
        if not src.is_file():
            if required:
                raise VendorError(f"{pkg.name}: missing {src_rel}")
            return
        data = src.read_bytes()
        if src.suffix in {".js", ".css"}:
            data = strip_dangling_source_maps(data, src)
        out[pkg.dest / dest_rel] = data

    for src_rel, dest_rel in pkg.files:
        add(src_rel, dest_rel, required=True)
    for src_rel, dest_rel in pkg.optional:
        add(src_rel, dest_rel, required=False)
    for lic in pkg.licenses:
        add(lic, lic, required=True)
    return out


def versions_text(versions: dict[str, str]) -> bytes:
    lines = [
        "# Generated by scripts/vendor_assets.py from node_modules; do not edit.",
        "# package@version -> folder (relative to the repository root)",
    ]
    for pkg in PACKAGES:
        rel = pkg.dest.relative_to(ROOT).as_posix()
        lines.append(f"{pkg.name}@{versions[pkg.name]} -> {rel}/")
    return ("\n".join(lines) + "\n").encode("utf-8")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument(
        "--check",
        action="store_true",
        help="change nothing; exit 1 if the vendored files differ from node_modules",
    )
    args = parser.parse_args(argv)

    try:
        pinned = pinned_versions()
        versions = {pkg.name: installed_version(pkg, pinned) for pkg in PACKAGES}
        plan: dict[Path, bytes] = {}
        for pkg in PACKAGES:
            plan.update(planned_files(pkg))
    except VendorError as exc:
        print(f"vendor_assets: {exc}", file=sys.stderr)
        return 2
    plan[VERSIONS_FILE] = versions_text(versions)

    # Folders this script owns outright; anything else in them is stale.
    managed_dirs = sorted(pkg.dest for pkg in PACKAGES if pkg.prune)
    stale = sorted(
        path
        for folder in managed_dirs
        if folder.is_dir()
        for path in folder.rglob("*")
        if path.is_file() and path not in plan
    )
    changed = sorted(
        path for path, data in plan.items() if not path.is_file() or path.read_bytes() != data
    )

    if args.check:
        for path in changed:
            print(f"out of date: {path.relative_to(ROOT)}")
        for path in stale:
            print(f"stale: {path.relative_to(ROOT)}")
        return 1 if changed or stale else 0

    for path in changed:
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(plan[path])
        print(f"wrote {path.relative_to(ROOT)}")
    for path in stale:
        path.unlink()
        print(f"removed {path.relative_to(ROOT)}")
    for folder in managed_dirs:  # prune empty sub-folders left by removals
        for sub in sorted(folder.rglob("*"), reverse=True):
            if sub.is_dir() and not any(sub.iterdir()):
                sub.rmdir()
    if not changed and not stale:
        print("vendored assets are up to date")
    return 0


if __name__ == "__main__":
    sys.exit(main())
