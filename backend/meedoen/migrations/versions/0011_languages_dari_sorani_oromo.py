"""Dari, Sorani and Oromo as languages of their own (issue 17)

Reserved slot: filled in by the work on this issue.

Revision ID: 0011
Revises: 0010
Create Date: 2026-12-05 05:30:00

"""

revision = '0011'
down_revision = '0010'
branch_labels = None
depends_on = None


def upgrade():
    pass


def downgrade():
    pass
