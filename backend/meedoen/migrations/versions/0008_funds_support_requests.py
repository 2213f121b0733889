"""club-fee support (issue 15): funds, intermediaries, requests, their steps (with machine
translations) and the anonymous totals left by deleted requests

Revision ID: 0008
Revises: 0007
Create Date: 2026-12-05 05:30:00

"""
import sqlalchemy as sa
from alembic import op

revision = '0008'
down_revision = '0007'
branch_labels = None
depends_on = None

COST_KINDS = ('sport', 'culture', 'gear', 'transport')
STATUSES = ('new', 'applied', 'granted', 'refused', 'paid_other_way')
STEP_KINDS = ('message', 'question', 'applied', 'granted', 'refused', 'paid_other_way')


def _enum(values, name, length):
    return sa.Enum(*values, name=name, native_enum=False, length=length)


def _fk(table, column, target, ondelete):
    return sa.ForeignKeyConstraint([column], [f'{target}.id'],
                                   name=op.f(f'fk_{table}_{column}_{target}'), ondelete=ondelete)


def _create_fund():
    op.create_table(
        'fund',
        sa.Column('id', sa.Integer(), nullable=False),
        sa.Column('municipality_id', sa.Integer(), nullable=False),
        sa.Column('name', sa.String(length=120), nullable=False),
        sa.Column('min_age', sa.Integer(), nullable=False),
        sa.Column('max_age', sa.Integer(), nullable=False),
        sa.Column('kinds_text', sa.String(length=60), nullable=False),
        sa.Column('max_cents_per_year', sa.Integer(), nullable=False),
        sa.Column('apply_url', sa.String(length=300), nullable=False),
        sa.Column('grant_months', sa.Integer(), nullable=False),
        sa.Column('active', sa.Boolean(), nullable=False),
        sa.Column('created_at', sa.DateTime(timezone=True), nullable=False),
        _fk('fund', 'municipality_id', 'municipality', 'CASCADE'),
        sa.PrimaryKeyConstraint('id', name=op.f('pk_fund')),
        sqlite_autoincrement=True,
    )
    op.create_index(op.f('ix_fund_municipality_id'), 'fund', ['municipality_id'])
    op.create_table(
        'intermediary',
        sa.Column('user_id', sa.Integer(), nullable=False),
        sa.Column('created_at', sa.DateTime(timezone=True), nullable=False),
        _fk('intermediary', 'user_id', 'user', 'CASCADE'),
        sa.PrimaryKeyConstraint('user_id', name=op.f('pk_intermediary')),
    )


def _create_request():
    op.create_table(
        'support_request',
        sa.Column('id', sa.Integer(), nullable=False),
        sa.Column('municipality_id', sa.Integer(), nullable=False),
        sa.Column('youth_id', sa.Integer(), nullable=False),
        sa.Column('activity_id', sa.Integer(), nullable=True),
        sa.Column('category', _enum(COST_KINDS, 'costkind', 12), nullable=False),
        sa.Column('club', sa.String(length=120), nullable=False),
        sa.Column('cost_cents', sa.Integer(), nullable=False),
        sa.Column('cost_period', _enum(('once', 'month', 'year'), 'costperiod', 8),
                  nullable=False),
        sa.Column('months', sa.Integer(), nullable=True),
        sa.Column('gear', sa.String(length=200), nullable=True),
        sa.Column('age', sa.Integer(), nullable=False),
        sa.Column('status', _enum(STATUSES, 'requeststatus', 16), nullable=False),
        sa.Column('question_open', sa.Boolean(), nullable=False),
        sa.Column('fund_id', sa.Integer(), nullable=True),
        sa.Column('intermediary_id', sa.Integer(), nullable=True),
        sa.Column('granted_cents', sa.Integer(), nullable=True),
        sa.Column('grant_start', sa.Date(), nullable=True),
        sa.Column('grant_end', sa.Date(), nullable=True),
        sa.Column('paid_to', sa.String(length=120), nullable=True),
        sa.Column('created_at', sa.DateTime(timezone=True), nullable=False),
        sa.Column('last_step_at', sa.DateTime(timezone=True), nullable=False),
        sa.Column('decided_at', sa.DateTime(timezone=True), nullable=True),
        sa.Column('closed_at', sa.DateTime(timezone=True), nullable=True),
        sa.Column('renewal_reminded_at', sa.DateTime(timezone=True), nullable=True),
        _fk('support_request', 'municipality_id', 'municipality', 'CASCADE'),
        _fk('support_request', 'youth_id', 'user', 'CASCADE'),
        _fk('support_request', 'activity_id', 'activity', 'SET NULL'),
        _fk('support_request', 'fund_id', 'fund', 'SET NULL'),
        _fk('support_request', 'intermediary_id', 'user', 'SET NULL'),
        sa.PrimaryKeyConstraint('id', name=op.f('pk_support_request')),
        sqlite_autoincrement=True,
    )
    for column in ('youth_id', 'activity_id', 'fund_id', 'intermediary_id', 'closed_at'):
        op.create_index(op.f(f'ix_support_request_{column}'), 'support_request', [column])
    op.create_index('ix_support_request_queue', 'support_request',
                    ['municipality_id', 'created_at'])


def _create_steps():
    op.create_table(
        'support_step',
        sa.Column('id', sa.Integer(), nullable=False),
        sa.Column('request_id', sa.Integer(), nullable=False),
        sa.Column('author_id', sa.Integer(), nullable=True),
        sa.Column('kind', _enum(STEP_KINDS, 'stepkind', 16), nullable=False),
        sa.Column('body', sa.String(length=2000), nullable=False),
        sa.Column('language', sa.String(length=8), nullable=False),
        sa.Column('fund_id', sa.Integer(), nullable=True),
        sa.Column('created_at', sa.DateTime(timezone=True), nullable=False),
        _fk('support_step', 'request_id', 'support_request', 'CASCADE'),
        _fk('support_step', 'author_id', 'user', 'SET NULL'),
        _fk('support_step', 'fund_id', 'fund', 'SET NULL'),
        sa.PrimaryKeyConstraint('id', name=op.f('pk_support_step')),
        sqlite_autoincrement=True,
    )
    op.create_index(op.f('ix_support_step_request_id'), 'support_step', ['request_id'])
    op.create_index(op.f('ix_support_step_author_id'), 'support_step', ['author_id'])
    op.create_table(
        'support_step_text',
        sa.Column('step_id', sa.Integer(), nullable=False),
        sa.Column('language', sa.String(length=8), nullable=False),
        sa.Column('body', sa.String(length=2000), nullable=False),
        sa.Column('origin', sa.String(length=8), server_default='human', nullable=False),
        sa.Column('source_hash', sa.String(length=16), nullable=True),
        _fk('support_step_text', 'step_id', 'support_step', 'CASCADE'),
        sa.PrimaryKeyConstraint('step_id', 'language', name=op.f('pk_support_step_text')),
    )


def _create_totals():
    op.create_table(
        'support_total',
        sa.Column('id', sa.Integer(), nullable=False),
        sa.Column('municipality_id', sa.Integer(), nullable=False),
        sa.Column('fund_id', sa.Integer(), nullable=True),
        sa.Column('category', _enum(COST_KINDS, 'costkind', 12), nullable=False),
        sa.Column('outcome', _enum(STATUSES, 'requeststatus', 16), nullable=False),
        sa.Column('days_to_decision', sa.Integer(), nullable=True),
        sa.Column('year', sa.Integer(), nullable=False),
        _fk('support_total', 'municipality_id', 'municipality', 'CASCADE'),
        _fk('support_total', 'fund_id', 'fund', 'SET NULL'),
        sa.PrimaryKeyConstraint('id', name=op.f('pk_support_total')),
        sqlite_autoincrement=True,
    )
    op.create_index(op.f('ix_support_total_municipality_id'), 'support_total',
                    ['municipality_id'])


def upgrade():
    _create_fund()
    _create_request()
    _create_steps()
    _create_totals()


def downgrade():
    for table in ('support_total', 'support_step_text', 'support_step', 'support_request',
                  'intermediary', 'fund'):
        op.drop_table(table)
