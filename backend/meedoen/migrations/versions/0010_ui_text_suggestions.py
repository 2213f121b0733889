"""suggested wordings and reviewers per language (issue 17)

- ``language_reviewer``: who (any role) reviews the suggested wordings of one language,
  granted by an admin.
- ``wording_suggestion``: a better wording of one catalog message in one language; pending,
  accepted or rejected by a reviewer, and when ``flask translations import`` wrote it into
  the catalog.

Revision ID: 0010
Revises: 0009
Create Date: 2026-12-05 05:30:00

"""
import sqlalchemy as sa
from alembic import op

revision = '0010'
down_revision = '0009'
branch_labels = None
depends_on = None

AUTOINCREMENT = {'sqlite_autoincrement': True}


def upgrade():
    op.create_table(
        'language_reviewer',
        sa.Column('id', sa.Integer(), nullable=False),
        sa.Column('user_id', sa.Integer(), nullable=False),
        sa.Column('language', sa.String(length=8), nullable=False),
        sa.Column('granted_by_id', sa.Integer(), nullable=True),
        sa.Column('created_at', sa.DateTime(timezone=True), nullable=False),
        sa.ForeignKeyConstraint(['user_id'], ['user.id'], ondelete='CASCADE'),
        sa.ForeignKeyConstraint(['granted_by_id'], ['user.id'], ondelete='SET NULL'),
        sa.PrimaryKeyConstraint('id'),
        sa.UniqueConstraint('user_id', 'language'),
        **AUTOINCREMENT,
    )
    op.create_index('ix_language_reviewer_user_id', 'language_reviewer', ['user_id'])
    op.create_index('ix_language_reviewer_language', 'language_reviewer', ['language'])
    op.create_table(
        'wording_suggestion',
        sa.Column('id', sa.Integer(), nullable=False),
        sa.Column('author_id', sa.Integer(), nullable=True),
        sa.Column('language', sa.String(length=8), nullable=False),
        sa.Column('msgid', sa.Text(), nullable=False),
        sa.Column('current', sa.Text(), nullable=False),
        sa.Column('text', sa.Text(), nullable=False),
        sa.Column('status', sa.Enum('pending', 'accepted', 'rejected', name='suggestionstatus',
                                    native_enum=False, length=10), nullable=False),
        sa.Column('reviewer_id', sa.Integer(), nullable=True),
        sa.Column('reviewed_at', sa.DateTime(timezone=True), nullable=True),
        sa.Column('imported_at', sa.DateTime(timezone=True), nullable=True),
        sa.Column('created_at', sa.DateTime(timezone=True), nullable=False),
        sa.ForeignKeyConstraint(['author_id'], ['user.id'], ondelete='SET NULL'),
        sa.ForeignKeyConstraint(['reviewer_id'], ['user.id'], ondelete='SET NULL'),
        sa.PrimaryKeyConstraint('id'),
        **AUTOINCREMENT,
    )
    for column in ('author_id', 'language', 'status', 'reviewer_id', 'created_at'):
        op.create_index(f'ix_wording_suggestion_{column}', 'wording_suggestion', [column])


def downgrade():
    op.drop_table('wording_suggestion')
    op.drop_table('language_reviewer')
