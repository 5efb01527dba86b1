"""Builds the Python package citex: python/citex plus the extension
citex._core, which CMake builds from the same sources and targets as the
command (CITEX_PYTHON=ON, target citex_python), as pybind11's cmake_example
does. Offline, into a venv made with /usr/bin/python3 -m venv --system-site-packages:

    pip install --no-build-isolation .
"""
import os
import re
import subprocess
import sys
from pathlib import Path

from setuptools import Extension, setup
from setuptools.command.build_ext import build_ext

ROOT = Path(__file__).resolve().parent


def version():
    """The version CMakeLists.txt declares, so there is one."""
    text = (ROOT / "CMakeLists.txt").read_text(encoding="utf-8")
    return re.search(r"project\(citex VERSION ([\d.]+)", text).group(1)


class CMakeExtension(Extension):
    def __init__(self, name):
        super().__init__(name, sources=[])


class CMakeBuild(build_ext):
    def build_extension(self, ext):
        out_dir = Path(self.get_ext_fullpath(ext.name)).resolve().parent
        build_dir = Path(self.build_temp).resolve() / "cmake"
        build_dir.mkdir(parents=True, exist_ok=True)
        configure = [
            "cmake", "-S", str(ROOT), "-B", str(build_dir), "-DCMAKE_BUILD_TYPE=Release",
            "-DCITEX_PYTHON=ON", "-DCITEX_TESTS=OFF", "-DCITEX_BENCH=OFF",
            "-DCITEX_PYTHON_OUTPUT_DIR=%s" % out_dir, "-DPython_EXECUTABLE=%s" % sys.executable,
        ]
        configure += [arg for arg in os.environ.get("CMAKE_ARGS", "").split(" ") if arg]
        subprocess.run(configure, check=True)
        jobs = os.environ.get("CMAKE_BUILD_PARALLEL_LEVEL", str(os.cpu_count() or 1))
        subprocess.run(["cmake", "--build", str(build_dir), "--target", "citex_python",
                        "-j", jobs], check=True)


setup(
    name="citex",
    version=version(),
    description="Code, model, dataset and project links and cited work from paper abstracts",
    license="MIT",
    packages=["citex"],
    package_dir={"": "python"},
    ext_modules=[CMakeExtension("citex._core")],
    cmdclass={"build_ext": CMakeBuild},
    # setuptools' own tree, beside CMake's build/ rather than in it.
    options={"build": {"build_base": "build-pip"}, "egg_info": {"egg_base": "build-pip"}},
    zip_safe=False,
    python_requires=">=3.9",
)
