/**
 * The pane's tabs on one row at every width Office gives a task pane (from 320 px): the tabs
 * that do not fit move into a "⋯" menu (Fluent's Overflow), the selected tab always stays
 * visible, and nothing wraps onto a second row or scrolls sideways.
 */
import {
  Button,
  makeStyles,
  Menu,
  MenuItem,
  MenuList,
  MenuPopover,
  MenuTrigger,
  Overflow,
  OverflowItem,
  Tab,
  TabList,
  tokens,
  useIsOverflowItemVisible,
  useOverflowMenu,
} from "@fluentui/react-components";
import type { MessageKey } from "../i18n";
import { useI18n } from "../i18nContext";

const useStyles = makeStyles({
  tabs: { flexWrap: "nowrap", minWidth: 0, overflow: "hidden" },
  // Narrower than Fluent's default, so the five tabs fit on one line of Excel's pane where they can.
  tab: { paddingLeft: tokens.spacingHorizontalXS, paddingRight: tokens.spacingHorizontalXS, flexShrink: 0 },
  more: { flexShrink: 0, minWidth: "32px", alignSelf: "center" },
});

interface Props<T extends string> {
  ids: readonly T[];
  selected: T;
  onSelect(id: T): void;
}

function MoreItem<T extends string>({ id, onSelect }: { id: T; onSelect(id: T): void }) {
  const { t } = useI18n();
  const visible = useIsOverflowItemVisible(id);
  if (visible) return null;
  return (
    <MenuItem data-overflow-tab={id} onClick={() => onSelect(id)}>
      {t(`tab.${id}` as MessageKey)}
    </MenuItem>
  );
}

function MoreMenu<T extends string>({ ids, onSelect }: { ids: readonly T[]; onSelect(id: T): void }) {
  const styles = useStyles();
  const { t } = useI18n();
  const { ref, isOverflowing, overflowCount } = useOverflowMenu<HTMLButtonElement>();
  if (!isOverflowing) return null;
  return (
    <Menu>
      <MenuTrigger disableButtonEnhancement>
        <Button ref={ref} className={styles.more} appearance="transparent" size="small" aria-label={t("app.moreTabs", { count: overflowCount })}>
          ⋯
        </Button>
      </MenuTrigger>
      <MenuPopover>
        <MenuList>
          {ids.map((id) => (
            <MoreItem key={id} id={id} onSelect={onSelect} />
          ))}
        </MenuList>
      </MenuPopover>
    </Menu>
  );
}

export function PaneTabs<T extends string>({ ids, selected, onSelect }: Props<T>) {
  const styles = useStyles();
  const { t } = useI18n();
  return (
    <Overflow minimumVisible={2} padding={8}>
      <TabList className={styles.tabs} selectedValue={selected} onTabSelect={(_, data) => onSelect(data.value as T)} aria-label={t("app.tabs")} size="small">
        {ids.map((id) => (
          // The selected tab has the higher priority: it is the last to move into the menu.
          <OverflowItem key={id} id={id} priority={id === selected ? 2 : 1}>
            <Tab className={styles.tab} value={id} id={`tab-${id}`} aria-controls={`panel-${id}`}>
              {t(`tab.${id}` as MessageKey)}
            </Tab>
          </OverflowItem>
        ))}
        <MoreMenu ids={ids} onSelect={onSelect} />
      </TabList>
    </Overflow>
  );
}
