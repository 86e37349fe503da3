import { Button, Dialog, useT } from '@mytoutatice/ui';

/** Asks before something that cannot be undone (« Supprimer définitivement », « Vider la corbeille »). */
export function ConfirmDialog({ title, text, confirm, onConfirm, onClose }: { title: string; text: string; confirm: string; onConfirm: () => void; onClose: () => void }) {
  const t = useT();
  return (
    <Dialog
      open
      size="sm"
      onClose={onClose}
      title={title}
      actions={
        <>
          <Button variant="secondary" data-autofocus onClick={onClose}>
            {t('action.cancel')}
          </Button>
          <Button
            variant="danger"
            onClick={() => {
              onClose();
              onConfirm();
            }}
          >
            {confirm}
          </Button>
        </>
      }
    >
      <p>{text}</p>
    </Dialog>
  );
}
