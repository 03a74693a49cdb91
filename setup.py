"""The optional C extension (netcontract.clr._speedups); everything else is in pyproject.toml.

Built when a C compiler and Python's headers are there. When the build fails, the install
still succeeds and netcontract runs its pure-Python codecs (``Extension(optional=True)``:
setuptools prints one warning and goes on); see README, "Speed".
"""

from setuptools import Extension, setup

setup(
    ext_modules=[
        Extension(
            "netcontract.clr._speedups",
            sources=["src/netcontract/clr/_speedups.c"],
            optional=True,
        )
    ]
)
