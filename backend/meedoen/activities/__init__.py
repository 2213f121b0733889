"""Activities: post, find, sign up and go (issue 3)."""
