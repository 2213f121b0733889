import { t } from "../lib/i18n.js";
import { usePages } from "../lib/pages.js";
import { Button, Empty, ErrorNote, Loading, Page } from "../ui/kit.jsx";
import { ContactCard } from "./ContactCard.jsx";

export default function MyPeople() {
  const people = usePages("/me/people", { cache: true });
  const { items, error, offline } = people;
  return (
    <Page title={t("My people")} back="/help" offline={offline}>
      <p>{t("People you can turn to. Those who are there for you personally come first.")}</p>
      {!items && !error && <Loading />}
      {items?.length === 0 && <Empty>{t("Nobody yet. Ask your mentor.")}</Empty>}
      <ul class="card-list">{items?.map((c) => <ContactCard key={c.id} contact={c} level={2} />)}</ul>
      <ErrorNote error={error} />
      {people.more && (
        <Button kind="secondary" busy={people.loading} onClick={people.loadMore}>{t("Show more")}</Button>
      )}
    </Page>
  );
}
