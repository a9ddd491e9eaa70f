"""What rules look things up in besides the message itself.

`history` holds earlier messages as small records, loaded from files or from the message
`store`; `lifecycle` decides which of them still stand; `snapshot` is the registry as rules
see it on a date. The engine hands these to rules through their context.
"""
