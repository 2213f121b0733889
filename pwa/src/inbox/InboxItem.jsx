import { useEffect, useState } from "preact/hooks";
import { api, cacheKey, isUnreachable, useApi } from "../lib/api.js";
import { cacheGet } from "../lib/store.js";
import { formatDateTime, t } from "../lib/i18n.js";
import { ButtonLink, ErrorNote, Loading, Page, ReadAloud } from "../ui/kit.jsx";
import { LocalizedText, useOriginal } from "../ui/Translated.jsx";

/** Offline, a message not opened before is read from the saved first page of the inbox:
 * { item, offline } or undefined. */
function useSavedInList(id, error) {
  const [saved, setSaved] = useState();
  const unreachable = isUnreachable(error);
  useEffect(() => {
    if (!unreachable) return;
    cacheGet(cacheKey("/inbox")).then((copy) => {
      const item = copy?.data?.items?.find((x) => x.id === id);
      if (item) setSaved({ item, offline: { updatedAt: copy.updatedAt, unreachable: error.status !== 0 } });
    });
  }, [id, unreachable]);
  return saved;
}

export default function InboxItem({ params }) {
  const id = Number(params.id);
  const { data, error, offline } = useApi(`/inbox/${id}`, { cache: true });
  const saved = useSavedInList(id, error);
  const item = data || saved?.item;
  const message = item && { ...item, language: item.lang };
  const original = useOriginal(message);
  const { shown } = original;
  useEffect(() => {
    if (item && !item.read_at) api(`/inbox/${id}/read`, { method: "POST", body: {} }).catch(() => {});
  }, [item?.id]);
  if (!item) {
    return (
      <Page title={t("Message")} back="/inbox">
        {error?.status === 404 ? <p>{t("We could not find this message.")}</p>
          : error ? <ErrorNote error={error} /> : <Loading />}
      </Page>
    );
  }
  const link = item.url && item.url.startsWith("/") && !item.url.startsWith("//")
    && !item.url.startsWith(`/inbox/${id}`) ? item.url : null;
  return (
    <Page title={shown.title} titleLang={shown.language} back="/inbox" offline={offline || (!data && saved?.offline)}>
      <p class="meta"><span>{formatDateTime(item.created_at)}</span></p>
      <LocalizedText text={message} original={original} field="body" class="description" />
      <ReadAloud text={`${shown.title}. ${shown.body}`} language={shown.language} />
      {link && <div class="btn-row"><ButtonLink href={link}>{t("Open")}</ButtonLink></div>}
    </Page>
  );
}
