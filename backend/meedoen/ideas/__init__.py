"""Youth voice (issue 7): ideas young people propose and staff answer publicly, and the
anonymous one-tap feedback after an activity."""
