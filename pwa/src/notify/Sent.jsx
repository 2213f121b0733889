import { t } from "../lib/i18n.js";
import { usePages } from "../lib/pages.js";
import { Link } from "../router.js";
import { Button, ButtonLink, Empty, ErrorNote, Loading, Page } from "../ui/kit.jsx";
import { FigureList, statusLabel } from "./Figures.jsx";

export default function Sent() {
  const sent = usePages("/notifications");
  const data = sent.items;
  const error = data ? undefined : sent.error;
  return (
    <Page title={t("Messages to young people")} back="/staff/activities">
      <ButtonLink href="/notify/new" icon="megaphone">{t("Write a new message")}</ButtonLink>
      <ErrorNote error={error} />
      {!data && !error && <Loading />}
      {data?.length === 0 && <Empty>{t("You have not sent any messages yet.")}</Empty>}
      <ul class="card-list">
        {data?.map((n) => {
          const text = n.texts.find((x) => x.lang === "nl") || n.texts[0];
          return (
            <li key={n.id}>
              <Link class="card" href={`/notify/${n.id}`}>
                <h2 dir="auto" lang={text.lang}>{text.title}</h2>
                <p class="meta"><span>{statusLabel(n)}</span></p>
                <FigureList figures={n.figures} />
              </Link>
            </li>
          );
        })}
      </ul>
      {data && <ErrorNote error={sent.error} />}
      {sent.more && <Button kind="secondary" busy={sent.loading} onClick={sent.loadMore}>{t("Show more")}</Button>}
    </Page>
  );
}
