"""check-ins and participation statements (issue 16)

Reserved slot: filled in by the work on this issue.

Revision ID: 0009
Revises: 0008
Create Date: 2026-12-05 05:30:00

"""

revision = '0009'
down_revision = '0008'
branch_labels = None
depends_on = None


def upgrade():
    pass


def downgrade():
    pass
