"""Machine translation of what people write."""
