"""The public API is what ``__all__`` says, and everything in it exists."""

import formkit


def test_all_names_exist() -> None:
    for name in formkit.__all__:
        assert hasattr(formkit, name), name


def test_public_api_is_curated() -> None:
    public = {n for n in dir(formkit) if not n.startswith("_")}
    modules = {n for n in public if type(getattr(formkit, n)).__name__ == "module"}
    assert public - modules == set(formkit.__all__) - {"__version__"}
