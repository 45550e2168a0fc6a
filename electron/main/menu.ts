/** The application menu: menu-template.ts (pure) → Electron Menu; clicks go to `onCommand`. */
import { Menu } from 'electron';
import type { MenuItemConstructorOptions } from 'electron';
import { menuTemplate, type MainCommand, type MenuInput, type MenuNode } from './menu-template';

function toElectron(n: MenuNode, onCommand: (id: MainCommand) => void): MenuItemConstructorOptions {
  const o: MenuItemConstructorOptions = {};
  if (n.label !== undefined) o.label = n.label;
  if (n.sublabel !== undefined) o.sublabel = n.sublabel;
  if (n.type) o.type = n.type;
  if (n.role) o.role = n.role as MenuItemConstructorOptions['role'];
  if (n.accelerator) o.accelerator = n.accelerator;
  if (n.enabled === false) o.enabled = false;
  if (n.submenu) o.submenu = n.submenu.map((c) => toElectron(c, onCommand));
  const id = n.id;
  if (id) {
    o.id = id;
    o.click = () => onCommand(id);
  }
  return o;
}

export function buildMenu(input: MenuInput, onCommand: (id: MainCommand) => void): Menu {
  return Menu.buildFromTemplate(menuTemplate(input).map((n) => toElectron(n, onCommand)));
}
