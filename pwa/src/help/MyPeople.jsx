import { useApi } from "../lib/api.js";
import { t } from "../lib/i18n.js";
import { Empty, ErrorNote, Loading, Page } from "../ui/kit.jsx";
import { ContactCard } from "./ContactCard.jsx";

export default function MyPeople() {
  const { data, error, offline } = useApi("/me/people", { cache: true });
  return (
    <Page title={t("My people")} back="/help" offline={offline}>
      <p>{t("People you can turn to. Those who are there for you personally come first.")}</p>
      <ErrorNote error={error} />
      {!data && !error && <Loading />}
      {data?.length === 0 && <Empty>{t("Nobody yet. Ask your mentor.")}</Empty>}
      <ul class="card-list">{data?.map((c) => <ContactCard key={c.id} contact={c} level={2} />)}</ul>
    </Page>
  );
}
