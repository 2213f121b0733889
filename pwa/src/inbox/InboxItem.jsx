import { useEffect } from "preact/hooks";
import { api, useApi } from "../lib/api.js";
import { formatDateTime, t } from "../lib/i18n.js";
import { dirOf } from "../lib/languages.js";
import { ButtonLink, ErrorNote, Loading, Page, ReadAloud, UserText } from "../ui/kit.jsx";
import { TranslationNote, useOriginal } from "../ui/Translated.jsx";

export default function InboxItem({ params }) {
  const id = Number(params.id);
  const { data, error, offline } = useApi("/inbox", { cache: true });
  const item = data?.items.find((x) => x.id === id);
  const message = item && { ...item, language: item.lang };
  const { shown, ...original } = useOriginal(message);
  useEffect(() => {
    if (item && !item.read_at) api(`/inbox/${id}/read`, { method: "POST", body: {} }).catch(() => {});
  }, [item?.id]);
  if (!item) {
    return (
      <Page title={t("Message")} back="/inbox">
        {error ? <ErrorNote error={error} /> : data ? <p>{t("We could not find this message.")}</p> : <Loading />}
      </Page>
    );
  }
  const link = item.url && item.url.startsWith("/") && !item.url.startsWith("//")
    && !item.url.startsWith(`/inbox/${id}`) ? item.url : null;
  return (
    <Page title={shown.title} titleLang={shown.language} back="/inbox" offline={offline}>
      <p class="meta"><span>{formatDateTime(item.created_at)}</span></p>
      <TranslationNote text={message} {...original} />
      <UserText as="p" class="description" text={shown.body} language={shown.language}
        dir={dirOf(shown.language)} />
      <ReadAloud text={`${shown.title}. ${shown.body}`} language={shown.language} />
      {link && <div class="btn-row"><ButtonLink href={link}>{t("Open")}</ButtonLink></div>}
    </Page>
  );
}
