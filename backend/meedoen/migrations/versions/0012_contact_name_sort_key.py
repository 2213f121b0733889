"""Reserved for issue 18 item 2 (contacts ranked in SQL): filled in by that change.

Revision ID: 0012
Revises: 0011
Create Date: 2026-12-05 09:10:00

"""

revision = '0012'
down_revision = '0011'
branch_labels = None
depends_on = None


def upgrade():
    pass


def downgrade():
    pass
