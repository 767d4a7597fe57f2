"""formkit.programme is the public face of programme_model, programme_yaml and catalogue."""

import formkit.catalogue
import formkit.programme
import formkit.programme_model
import formkit.programme_yaml


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
    homes = (formkit.programme_model, formkit.programme_yaml, formkit.catalogue)
    for name in formkit.programme.__all__:
        exported = getattr(formkit.programme, name)
        assert any(getattr(home, name, None) is exported for home in homes), name
