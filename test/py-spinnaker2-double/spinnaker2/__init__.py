"""A test double of py-spinnaker2's public API (see ../README.md); it validates and records, it does not simulate."""
