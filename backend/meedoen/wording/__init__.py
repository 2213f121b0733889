"""Better wordings of the app's texts, suggested by the people who read them (issue 17).

See README.md in this folder for the whole review loop."""
