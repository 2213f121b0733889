"""contact.name_key: the name as the contact lists sort it, in the database (issue 18 item 2)

The contact lists (directory, a topic's contacts, my people) are ranked in SQL now, no longer
in Python after loading up to 2,000 rows. Their last sort key is the name as Python lowers it
(``meedoen.contacts.models.name_sort_key``), stored in ``name_key`` and compared byte by byte
on both databases (SQLite's BINARY, PostgreSQL's "C" collation), so that SQLite and
PostgreSQL give one order: neither database's ``lower()`` equals Python's, and PostgreSQL
would otherwise sort by the database's locale. The model keeps it up to date when a name is
set; this migration fills it in for the contacts that exist.

SQLite: the column is added with ``DEFAULT ''`` (SQLite adds a NOT NULL column only with a
default, and rebuilding the table would lose its AUTOINCREMENT, migration 0007); every row is
filled in at once. PostgreSQL: added empty, filled in, then NOT NULL.

Downgrade: the column goes.

Revision ID: 0012
Revises: 0011
Create Date: 2026-12-05 09:10:00

"""
import sqlalchemy as sa
from alembic import op

revision = '0012'
down_revision = '0011'
branch_labels = None
depends_on = None

BATCH = 500


def _name_key(name: str) -> str:
    """meedoen.contacts.models.name_sort_key at this revision (a migration keeps its own copy)."""
    return name.lower()


def upgrade():
    connection = op.get_bind()
    postgres = connection.dialect.name == 'postgresql'
    if postgres:
        op.add_column('contact', sa.Column('name_key', sa.String(200, collation='C'),
                                           nullable=True))
    else:
        op.add_column('contact', sa.Column('name_key', sa.String(200), nullable=False,
                                           server_default=''))
    contact = sa.table('contact', sa.column('id', sa.Integer), sa.column('name', sa.String),
                       sa.column('name_key', sa.String))
    rows = connection.execute(sa.select(contact.c.id, contact.c.name)).all()
    for start in range(0, len(rows), BATCH):
        connection.execute(
            contact.update().where(contact.c.id == sa.bindparam('row_id'))
            .values(name_key=sa.bindparam('key')),
            [{'row_id': row_id, 'key': _name_key(name)}
             for row_id, name in rows[start:start + BATCH]])
    if postgres:
        op.alter_column('contact', 'name_key', existing_type=sa.String(200, collation='C'),
                        nullable=False)


def downgrade():
    op.drop_column('contact', 'name_key')
