"""consent choices and ids that are never handed out again

- user.show_name_on_ideas, user.show_name_as_supporter: two new choices, off for everyone.
  "Show me as going" (show_as_going) keeps what each person chose: that is what its screen
  said. It also showed their name on ideas, but nobody was told so: no one agreed to that,
  so the idea choices start off (README, Privacy).
- SQLite: every table with a generated integer id is rebuilt with AUTOINCREMENT, so that a
  deleted row's id is never given to a new row (a stored link to an erased person's idea
  opened the next person's). The tables are found in the database, so tables added by earlier
  migrations are included. Each counter starts above the highest id still in the table and
  the highest one the audit log or an inbox link still mentions. PostgreSQL: nothing to do,
  its sequences never go back.

Revision ID: 0007
Revises: 0006
Create Date: 2026-12-05 02:50:00

"""
import sqlalchemy as sa
from alembic import op

revision = '0007'
down_revision = '0006'
branch_labels = None
depends_on = None

NEW_CHOICES = ('show_name_on_ideas', 'show_name_as_supporter')
# Where else the highest id ever used may still be written down.
AUDIT_KEYS = {'user': ('user_id', 'youth_id')}
LINKS = {'idea': '/ideas/', 'activity': '/activities/', 'question': '/questions/'}


def _generated_id_tables(connection) -> list[str]:
    """Tables whose primary key is one integer column that is not a foreign key, created
    without AUTOINCREMENT."""
    inspector = sa.inspect(connection)
    found = []
    for name in inspector.get_table_names():
        if name in ('alembic_version', 'sqlite_sequence'):
            continue
        pk = inspector.get_pk_constraint(name)['constrained_columns']
        if len(pk) != 1:
            continue
        column = next(c for c in inspector.get_columns(name) if c['name'] == pk[0])
        in_fk = any(pk[0] in fk['constrained_columns']
                    for fk in inspector.get_foreign_keys(name))
        sql = connection.exec_driver_sql(
            "SELECT sql FROM sqlite_master WHERE type = 'table' AND name = ?", (name,)).scalar()
        if (isinstance(column['type'], sa.Integer) and not in_fk
                and 'AUTOINCREMENT' not in sql.upper()):
            found.append(name)
    return sorted(found)


def _highest_id_known(connection, table: str) -> int:
    # The name comes from the database's own table list.
    highest = [connection.exec_driver_sql(f'SELECT max(id) FROM "{table}"').scalar()  # noqa: S608
               or 0]
    if 'audit_log' in sa.inspect(connection).get_table_names():
        for key in AUDIT_KEYS.get(table, (f'{table}_id',)):
            highest.append(connection.exec_driver_sql(
                "SELECT max(CAST(json_extract(details, ?) AS INTEGER)) FROM audit_log",
                (f'$.{key}',)).scalar() or 0)
    if table in LINKS and 'inbox_item' in sa.inspect(connection).get_table_names():
        prefix = LINKS[table]
        highest.append(connection.exec_driver_sql(
            "SELECT max(CAST(substr(url, ?) AS INTEGER)) FROM inbox_item WHERE url LIKE ?",
            (len(prefix) + 1, prefix + '%')).scalar() or 0)
    return max(highest)


def _add_choices(batch_op):
    for name in NEW_CHOICES:
        batch_op.add_column(sa.Column(name, sa.Boolean(), nullable=False,
                                      server_default=sa.false()))


def _sqlite_upgrade():
    connection = op.get_bind()
    tables = _generated_id_tables(connection)
    # Rebuilding a table drops the old one; with foreign keys on, SQLite would first delete
    # its rows and cascade to every table that points at it. Foreign keys can only be turned
    # off outside a transaction, so this runs in its own one, checked before it commits.
    with op.get_context().autocommit_block():
        op.execute('PRAGMA foreign_keys=OFF')
        try:
            op.execute('BEGIN')
            for table in tables:
                with op.batch_alter_table(table, recreate='always',
                                          table_kwargs={'sqlite_autoincrement': True}) as b:
                    if table == 'user':
                        _add_choices(b)
            if 'user' not in tables:  # already rebuilt some other way: only the columns
                with op.batch_alter_table('user') as b:
                    _add_choices(b)
            with op.batch_alter_table('user', recreate='always',
                                      table_kwargs={'sqlite_autoincrement': True}) as b:
                for name in NEW_CHOICES:  # the models have no server default
                    b.alter_column(name, server_default=None)
            for table in tables:
                seq = _highest_id_known(connection, table)
                connection.exec_driver_sql('DELETE FROM sqlite_sequence WHERE name = ?',
                                           (table,))
                connection.exec_driver_sql(
                    'INSERT INTO sqlite_sequence (name, seq) VALUES (?, ?)', (table, seq))
            broken = connection.exec_driver_sql('PRAGMA foreign_key_check').fetchall()
            if broken:
                raise RuntimeError(f'foreign keys broken by the rebuild: {broken[:5]}')
            op.execute('COMMIT')
        except BaseException:
            op.execute('ROLLBACK')
            raise
        finally:
            op.execute('PRAGMA foreign_keys=ON')


def upgrade():
    if op.get_bind().dialect.name == 'sqlite':
        _sqlite_upgrade()
        return
    with op.batch_alter_table('user') as batch_op:
        _add_choices(batch_op)
    with op.batch_alter_table('user') as batch_op:
        for name in NEW_CHOICES:
            batch_op.alter_column(name, server_default=None)


def downgrade():
    # The tables keep AUTOINCREMENT: ids that are never reused harm nothing.
    with op.batch_alter_table('user') as batch_op:
        for name in reversed(NEW_CHOICES):
            batch_op.drop_column(name)
