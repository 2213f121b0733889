"""contacts screening (VOG): checked on, valid until, checked by, reminded for

Revision ID: 0005
Revises: 0004
Create Date: 2026-12-05 02:50:00

"""
from alembic import op
import sqlalchemy as sa

revision = '0005'
down_revision = '0004'
branch_labels = None
depends_on = None


def upgrade():
    with op.batch_alter_table('contact', schema=None) as batch_op:
        batch_op.add_column(sa.Column('screening_checked_on', sa.Date(), nullable=True))
        batch_op.add_column(sa.Column('screening_valid_until', sa.Date(), nullable=True))
        batch_op.add_column(sa.Column('screening_checked_by_id', sa.Integer(), nullable=True))
        batch_op.add_column(sa.Column('screening_reminded_for', sa.Date(), nullable=True))
        batch_op.create_index(batch_op.f('ix_contact_screening_checked_by_id'),
                              ['screening_checked_by_id'], unique=False)
        batch_op.create_foreign_key(batch_op.f('fk_contact_screening_checked_by_id_user'),
                                    'user', ['screening_checked_by_id'], ['id'],
                                    ondelete='SET NULL')


def downgrade():
    with op.batch_alter_table('contact', schema=None) as batch_op:
        batch_op.drop_constraint(batch_op.f('fk_contact_screening_checked_by_id_user'),
                                 type_='foreignkey')
        batch_op.drop_index(batch_op.f('ix_contact_screening_checked_by_id'))
        batch_op.drop_column('screening_reminded_for')
        batch_op.drop_column('screening_checked_by_id')
        batch_op.drop_column('screening_valid_until')
        batch_op.drop_column('screening_checked_on')
