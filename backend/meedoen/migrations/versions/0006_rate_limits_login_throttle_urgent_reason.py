"""limits and urgent messages: rate-limit counters in the database, failed logins per
username and address, the reason of an urgent notification

Revision ID: 0006
Revises: 0005
Create Date: 2026-12-05 02:50:00

"""
from alembic import op
import sqlalchemy as sa

import meedoen.core.models

revision = '0006'
down_revision = '0005'
branch_labels = None
depends_on = None


def upgrade():
    op.create_table('login_throttle',
    sa.Column('key', sa.String(length=64), nullable=False),
    sa.Column('failures', sa.Integer(), nullable=False),
    sa.Column('expires_at', meedoen.core.models.UTCDateTime(timezone=True), nullable=False),
    sa.Column('locked_until', meedoen.core.models.UTCDateTime(timezone=True), nullable=True),
    sa.PrimaryKeyConstraint('key', name=op.f('pk_login_throttle'))
    )
    op.create_index(op.f('ix_login_throttle_expires_at'), 'login_throttle', ['expires_at'], unique=False)
    op.create_table('rate_limit_counter',
    sa.Column('key', sa.String(length=200), nullable=False),
    sa.Column('count', sa.Integer(), nullable=False),
    sa.Column('expires_at', sa.Float(), nullable=False),
    sa.PrimaryKeyConstraint('key', name=op.f('pk_rate_limit_counter'))
    )
    op.create_index(op.f('ix_rate_limit_counter_expires_at'), 'rate_limit_counter', ['expires_at'], unique=False)
    op.add_column('notification', sa.Column('urgent_reason', sa.String(length=200), nullable=True))


def downgrade():
    op.drop_column('notification', 'urgent_reason')
    op.drop_index(op.f('ix_rate_limit_counter_expires_at'), table_name='rate_limit_counter')
    op.drop_table('rate_limit_counter')
    op.drop_index(op.f('ix_login_throttle_expires_at'), table_name='login_throttle')
    op.drop_table('login_throttle')
