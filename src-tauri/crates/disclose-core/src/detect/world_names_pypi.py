"""Writes the person names of the PyPI package Faker (MIT licence) as JSON,
for world_names.mjs to add to the names of @faker-js/faker:

    pip download --no-deps faker==40.63.0 && unzip -q faker-40.63.0-*.whl -d faker-wheel
    python3 path/to/world_names_pypi.py faker-wheel > faker-pypi.json

Every locale's first and last names are written but those of English-
speaking countries, which the lists of this folder cover and whose given
names hold places ("Bradford", "Essex") and words ("Telly");
world_names.mjs keeps those in the Latin script and filters them as it does
its own.
"""

import importlib
import json
import pkgutil
import sys

ENGLISH_SPEAKING = {"en", "en_US", "en_GB", "en_IE", "en_NZ"}


def names_of(provider, prefix):
    """Every name of the provider's lists (or weighted tables) whose
    attribute name starts with `prefix`."""
    found = set()
    for attr in dir(provider):
        value = getattr(provider, attr)
        if attr.startswith(prefix) and isinstance(value, (list, tuple, dict)):
            found.update(v for v in value if isinstance(v, str))
    return found


def main():
    sys.path.insert(0, sys.argv[1] if len(sys.argv) > 1 else "faker-wheel")
    import faker.providers.person as person

    given, surnames = set(), set()
    for module in pkgutil.iter_modules(person.__path__):
        if module.ispkg and module.name not in ENGLISH_SPEAKING:
            provider = importlib.import_module(f"{person.__name__}.{module.name}").Provider
            given |= names_of(provider, "first_names")
            surnames |= names_of(provider, "last_names")
    json.dump({"given": sorted(given), "surnames": sorted(surnames)}, sys.stdout, ensure_ascii=False)


main()
