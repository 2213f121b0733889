"""check-ins (issue 16): one row per young person and occurrence; optional birth years

Participation statements are not stored (the signed token carries what they say), so this
is the only table of the participation feature.

Revision ID: 0009
Revises: 0008
Create Date: 2026-12-05 05:30:00

"""
from alembic import op
import sqlalchemy as sa

revision = '0009'
down_revision = '0008'
branch_labels = None
depends_on = None


def upgrade():
    op.create_table(
        'checkin',
        sa.Column('id', sa.Integer(), nullable=False),
        sa.Column('activity_id', sa.Integer(), nullable=False),
        sa.Column('user_id', sa.Integer(), nullable=False),
        sa.Column('method', sa.Enum('organiser', 'code', name='checkinmethod',
                                    native_enum=False, length=16), nullable=False),
        sa.Column('walk_in', sa.Boolean(), nullable=False),
        sa.Column('helped', sa.Boolean(), nullable=False),
        sa.Column('checked_in_by_id', sa.Integer(), nullable=True),
        sa.Column('created_at', sa.DateTime(timezone=True), nullable=False),
        sa.ForeignKeyConstraint(['activity_id'], ['activity.id'],
                                name=op.f('fk_checkin_activity_id_activity'), ondelete='CASCADE'),
        sa.ForeignKeyConstraint(['checked_in_by_id'], ['user.id'],
                                name=op.f('fk_checkin_checked_in_by_id_user'),
                                ondelete='SET NULL'),
        sa.ForeignKeyConstraint(['user_id'], ['user.id'],
                                name=op.f('fk_checkin_user_id_user'), ondelete='CASCADE'),
        sa.PrimaryKeyConstraint('id', name=op.f('pk_checkin')),
        sa.UniqueConstraint('activity_id', 'user_id',
                            name=op.f('uq_checkin_activity_id')),
        sqlite_autoincrement=True,
    )
    op.create_table(
        'birth_year',
        sa.Column('user_id', sa.Integer(), autoincrement=False, nullable=False),
        sa.Column('year', sa.Integer(), nullable=False),
        sa.ForeignKeyConstraint(['user_id'], ['user.id'],
                                name=op.f('fk_birth_year_user_id_user'), ondelete='CASCADE'),
        sa.PrimaryKeyConstraint('user_id', name=op.f('pk_birth_year')),
    )
    with op.batch_alter_table('checkin', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_checkin_user_id'), ['user_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_checkin_checked_in_by_id'), ['checked_in_by_id'],
                              unique=False)


def downgrade():
    with op.batch_alter_table('checkin', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_checkin_checked_in_by_id'))
        batch_op.drop_index(batch_op.f('ix_checkin_user_id'))
    op.drop_table('checkin')
    op.drop_table('birth_year')
