"""The organisatiegraad: assessments over time, by the rubric in rubric.py."""
