"""The app's screens: the three panes, search, a person, all people, help."""
