"""suggested wordings and reviewers per language (issue 17)

Reserved slot: filled in by the work on this issue.

Revision ID: 0010
Revises: 0009
Create Date: 2026-12-05 05:30:00

"""

revision = '0010'
down_revision = '0009'
branch_labels = None
depends_on = None


def upgrade():
    pass


def downgrade():
    pass
