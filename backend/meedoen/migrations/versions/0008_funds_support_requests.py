"""club-fee support: funds, requests and their steps (issue 15)

Reserved slot: filled in by the work on this issue.

Revision ID: 0008
Revises: 0007
Create Date: 2026-12-05 05:30:00

"""

revision = '0008'
down_revision = '0007'
branch_labels = None
depends_on = None


def upgrade():
    pass


def downgrade():
    pass
