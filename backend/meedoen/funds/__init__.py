"""Support with club fees and costs (issue 15): funds per municipality, a young person's
request, and the intermediary's steps until the club is paid. See README.md."""
