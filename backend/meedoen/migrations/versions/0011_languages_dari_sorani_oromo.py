"""Dari, Sorani and Oromo as languages of their own (issue 17)

Dari was stored as ``fa_AF`` (a variant of Persian, read in the Persian catalog); it is now
``prs`` with its own catalog. Every stored Dari code becomes ``prs``: the languages young
people and contacts speak, and the language of texts written in Dari. A young person whose app
language was Persian and who said they speak Dari chose "Dari" before: their app language
becomes ``prs``. Persian (``fa``) stays for everyone else. Sorani (``ckb``) and Oromo
(``om``) are new: nothing stored changes for them.

Downgrade: ``prs`` is ``fa_AF`` again and a ``prs`` app language is Persian; a ``ckb`` or
``om`` app language, which the older app does not ship, is Dutch (its default).

Revision ID: 0011
Revises: 0010
Create Date: 2026-12-05 05:30:00

"""
import sqlalchemy as sa
from alembic import op

revision = '0011'
down_revision = '0010'
branch_labels = None
depends_on = None

# Every column that holds a language code (tables of features that exist at this revision).
LANGUAGE_COLUMNS = (
    ('user_language', 'code'), ('contact_language', 'code'),
    ('activity', 'original_language'), ('activity_text', 'language'),
    ('idea', 'original_language'), ('idea_text', 'language'),
    ('idea_answer', 'original_language'), ('idea_answer_text', 'language'),
    ('contact', 'original_language'), ('contact_text', 'language'),
    ('question', 'language'), ('question_text', 'language'),
    ('question_message', 'language'), ('question_message_text', 'language'),
)
DARI_BEFORE = ('fa_AF', 'fa-AF', 'fa_af', 'fa-af')
NEW_APP_LANGUAGES = ('ckb', 'om')


def _existing(connection):
    inspector = sa.inspect(connection)
    tables = set(inspector.get_table_names())
    for table, column in LANGUAGE_COLUMNS:
        if table in tables and column in {c['name'] for c in inspector.get_columns(table)}:
            yield sa.table(table, sa.column(column)), column


def _recode(old: tuple[str, ...], new: str) -> None:
    connection = op.get_bind()
    for table, column in _existing(connection):
        connection.execute(table.update().where(table.c[column].in_(old)).values({column: new}))


def upgrade():
    _recode(DARI_BEFORE, 'prs')
    user = sa.table('user', sa.column('id'), sa.column('ui_language'))
    spoken = sa.table('user_language', sa.column('user_id'), sa.column('code'))
    speaks_dari = sa.select(spoken.c.user_id).where(spoken.c.code == 'prs')
    op.get_bind().execute(user.update().where(user.c.ui_language == 'fa',
                                              user.c.id.in_(speaks_dari))
                          .values(ui_language='prs'))
    op.get_bind().execute(user.update().where(user.c.ui_language.in_(DARI_BEFORE))
                          .values(ui_language='prs'))


def downgrade():
    user = sa.table('user', sa.column('ui_language'))
    op.get_bind().execute(user.update().where(user.c.ui_language == 'prs')
                          .values(ui_language='fa'))
    op.get_bind().execute(user.update().where(user.c.ui_language.in_(NEW_APP_LANGUAGES))
                          .values(ui_language='nl'))
    _recode(('prs',), 'fa_AF')
