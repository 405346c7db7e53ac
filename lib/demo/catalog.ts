// The vocabulary of the demo data: what a small IT team's inventory and helpdesk look like.
import type { AssetStatus, TicketPriority, TicketStatus } from '../db/schema-domain';

export const assetModels = [
  { category: 'Laptop', manufacturer: 'Dell', model: 'Latitude 5440', cost: 1150 },
  { category: 'Laptop', manufacturer: 'Lenovo', model: 'ThinkPad T14 Gen 4', cost: 1290 },
  { category: 'Laptop', manufacturer: 'Apple', model: 'MacBook Air 13 M3', cost: 1399 },
  { category: 'Desktop', manufacturer: 'HP', model: 'EliteDesk 800 G9', cost: 940 },
  { category: 'Monitor', manufacturer: 'Dell', model: 'P2723D', cost: 310 },
  { category: 'Monitor', manufacturer: 'LG', model: '27UP850', cost: 420 },
  { category: 'Phone', manufacturer: 'Apple', model: 'iPhone 15', cost: 899 },
  { category: 'Phone', manufacturer: 'Samsung', model: 'Galaxy A55', cost: 449 },
  { category: 'Tablet', manufacturer: 'Apple', model: 'iPad 10th gen', cost: 499 },
  { category: 'Printer', manufacturer: 'Brother', model: 'HL-L8360CDW', cost: 520 },
  { category: 'Network', manufacturer: 'Ubiquiti', model: 'U6 Pro', cost: 159 },
  { category: 'Peripheral', manufacturer: 'Logitech', model: 'MX Keys', cost: 109 },
] as const;

export const locations = [
  'HQ 1st floor',
  'HQ 2nd floor',
  'HQ 3rd floor',
  'Warehouse',
  'Branch Lyon',
  'Branch Porto',
  'Remote',
];

export const assetStatusWeights: [AssetStatus, number][] = [
  ['deployed', 60],
  ['in_stock', 25],
  ['in_repair', 6],
  ['retired', 7],
  ['lost', 2],
];

export const ticketTemplates = [
  {
    category: 'Hardware',
    title: 'Laptop does not boot',
    body: 'It shows a black screen after the logo since this morning.',
  },
  {
    category: 'Hardware',
    title: 'Second monitor not detected',
    body: 'The docking station does not pick up the external monitor.',
  },
  { category: 'Hardware', title: 'Printer on the 2nd floor jams', body: 'Paper jams on every second page, tray 2.' },
  {
    category: 'Hardware',
    title: 'Keyboard keys sticking',
    body: 'Several keys on my keyboard stick after the coffee incident.',
  },
  {
    category: 'Software',
    title: 'Outlook keeps asking for my password',
    body: 'The prompt comes back every few minutes.',
  },
  { category: 'Software', title: 'Need Adobe Acrobat Pro', body: 'I need to edit PDF forms for the audit.' },
  {
    category: 'Software',
    title: 'Teams crashes when sharing screen',
    body: 'Teams closes as soon as I share my screen in a meeting.',
  },
  {
    category: 'Software',
    title: 'Excel macro blocked',
    body: 'Our budget workbook macros are blocked since the update.',
  },
  {
    category: 'Network',
    title: 'VPN disconnects every hour',
    body: 'The VPN drops roughly every hour when working from home.',
  },
  { category: 'Network', title: 'Wi-Fi slow in meeting room B', body: 'Video calls stutter in meeting room B.' },
  {
    category: 'Access',
    title: 'Access to the finance share',
    body: 'Please give me read access to \\\\files\\finance.',
  },
  {
    category: 'Access',
    title: 'New starter account for Monday',
    body: 'A new colleague starts on Monday and needs an account and a laptop.',
  },
  { category: 'Access', title: 'Locked out of my account', body: 'I typed my password wrong too often.' },
  {
    category: 'Other',
    title: 'Phone screen cracked',
    body: 'Dropped my work phone; the screen is cracked but it works.',
  },
] as const;

export const ticketStatusWeights: [TicketStatus, number][] = [
  ['new', 8],
  ['open', 14],
  ['pending', 6],
  ['resolved', 22],
  ['closed', 50],
];

export const ticketPriorityWeights: [TicketPriority, number][] = [
  ['low', 20],
  ['normal', 55],
  ['high', 20],
  ['urgent', 5],
];

export const publicReplies = [
  'Thanks for reporting this, we are looking into it.',
  'Could you restart and tell us if it happens again?',
  'We have ordered a replacement part; it should arrive this week.',
  'This should be fixed now. Please let us know if it comes back.',
];

export const internalNotes = [
  'Known issue with the latest driver; rolling back.',
  'Warranty still valid: opened a case with the vendor.',
  'Same user reported this last month, see the older ticket.',
  'Needs manager approval before we grant access.',
];

export const licenseCatalog = [
  { name: 'Microsoft 365 E3', vendor: 'Microsoft', seats: 60, expiresInDays: 200, forAssets: false },
  { name: 'Adobe Acrobat Pro', vendor: 'Adobe', seats: 10, expiresInDays: 25, forAssets: false },
  { name: 'JetBrains All Products', vendor: 'JetBrains', seats: 5, expiresInDays: 75, forAssets: false },
  { name: 'Zoom Business', vendor: 'Zoom', seats: 20, expiresInDays: -10, forAssets: false },
  { name: 'AutoCAD LT', vendor: 'Autodesk', seats: 3, expiresInDays: 300, forAssets: false },
  { name: 'Windows 11 Pro', vendor: 'Microsoft', seats: 150, expiresInDays: null, forAssets: true },
  { name: 'ESET Endpoint Security', vendor: 'ESET', seats: 200, expiresInDays: 55, forAssets: true },
] as const;
