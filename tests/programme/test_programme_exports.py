"""formkit.programme is the public face of its modules model, loader and catalogue."""

import formkit.programme
import formkit.programme.catalogue
import formkit.programme.loader
import formkit.programme.model


def test_programme_exports_the_values_the_loader_and_the_catalogue() -> None:
    assert sorted(formkit.programme.__all__) == [
        "Allocation",
        "ApprovedZone",
        "Catalogue",
        "CatalogueMatch",
        "City",
        "Criterion",
        "DemoCounty",
        "Evaluation",
        "Grade",
        "Panel",
        "Programme",
        "Zone",
        "load_catalogue",
        "load_programme",
    ]
    homes = (formkit.programme.model, formkit.programme.loader, formkit.programme.catalogue)
    for name in formkit.programme.__all__:
        exported = getattr(formkit.programme, name)
        assert any(getattr(home, name, None) is exported for home in homes), name
