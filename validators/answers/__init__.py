"""Building blocks of answer messages (IV028 for retour messages, IV087 for JW325).

`levels` sorts findings by controleniveau, `placement` finds the answer class each finding
belongs to, `sequence` hands out identifications that never repeat. `validators.answers.respond`
puts them together.
"""
