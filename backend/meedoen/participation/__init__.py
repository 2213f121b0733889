"""Taking part you can see: check-in, "my year" and the municipality's figures (issue 16)."""
