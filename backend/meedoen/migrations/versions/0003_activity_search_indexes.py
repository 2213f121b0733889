"""activity search indexes: category with time order; trigrams for text search (PostgreSQL)

Revision ID: 0003
Revises: 0002
Create Date: 2026-11-29 14:30:00

"""
from alembic import op

revision = '0003'
down_revision = '0002'
branch_labels = None
depends_on = None


def _postgresql() -> bool:
    return op.get_bind().dialect.name == "postgresql"


def upgrade():
    with op.batch_alter_table('activity', schema=None) as batch_op:
        batch_op.create_index('ix_activity_municipality_category_starts',
                              ['municipality_id', 'category', 'starts_at'], unique=False)
    if _postgresql():
        # pg_trgm is a trusted extension: the database's owner may create it.
        op.execute("CREATE EXTENSION IF NOT EXISTS pg_trgm")
        op.create_index('ix_activity_search_text_trigrams', 'activity', ['search_text'],
                        unique=False, postgresql_using='gin',
                        postgresql_ops={'search_text': 'gin_trgm_ops'})


def downgrade():
    if _postgresql():
        op.drop_index('ix_activity_search_text_trigrams', table_name='activity',
                      postgresql_using='gin')
    with op.batch_alter_table('activity', schema=None) as batch_op:
        batch_op.drop_index('ix_activity_municipality_category_starts')
