/**
 * Header names seen in hotline extracts, per standard field. `name@w` gives a weight below 1 for generic
 * names ('编号', '状态', 'id'). Chinese names also match when contained in a longer header; English names
 * match only exactly (after normalisation: lower case, no spaces, underscores, hyphens or dots).
 * Sources: 12345 exports, the Teddy Cup 2020 C data, Open311 GeoReport v2, NYC 311, MyLA311.
 */
import type { StandardField } from './types';

export const HEADER_SYNONYMS: Record<StandardField, readonly string[]> = {
  externalId: [
    '工单编号', '工单号', '受理编号', '留言编号', '流水号', '案件编号', '诉求编号', '工单id', '编号@0.75', '单号@0.7',
    'Unique Key', 'SRNumber', 'SR Number', 'service_request_id', 'Request ID', 'Case ID', 'Case Number', 'Ticket ID', 'id@0.7',
  ],
  receivedAt: [
    '受理时间', '来电时间', '创建时间', '留言时间', '登记时间', '反映时间', '诉求时间', '提交时间', '来件时间', '接件时间', '工单创建时间', '时间@0.6', '日期@0.5',
    'Created Date', 'CreatedDate', 'requested_datetime', 'Created At', 'Date Created', 'Opened', 'Open Date', 'Received At', 'Received Date',
  ],
  firstResponseAt: ['首次响应时间', '签收时间', '响应时间', '接单时间', '首次答复时间@0.8', 'First Response At', 'Acknowledged Date@0.8'],
  closedAt: [
    '办结时间', '结案时间', '关闭时间', '完成时间', '归档时间@0.8', '答复时间@0.7', '回复时间@0.6',
    'Closed Date', 'ClosedDate', 'closed_datetime', 'Date Closed', 'Closed At', 'Close Date',
  ],
  channel: [
    '来源渠道', '受理渠道', '来电方式', '渠道', '诉求渠道', '受理方式', '来源方式', '信息来源@0.7', '来源@0.7',
    'RequestSource', 'Request Source', 'Open Data Channel Type', 'Channel', 'Source@0.7', 'Method Received',
  ],
  requestType: ['诉求类型', '工单类型', '业务类型', '诉求性质', '来电类型', '类型@0.6', 'Request Kind'],
  cat1: ['一级分类', '一级类别', '一级目录', '一级类目', '大类', 'Category 1', 'Level 1'],
  cat2: ['二级分类', '二级类别', '二级目录', '二级类目', '中类', '小类@0.8', 'Category 2', 'Level 2', 'Descriptor'],
  cat3: ['三级分类', '三级类别', '三级目录', '三级类目', '小类@0.7', 'Category 3', 'Level 3'],
  categoryOriginal: [
    '问题分类', '诉求分类', '事项分类', '分类', '类别', '诉求事项@0.8', '问题类型@0.9',
    'Complaint Type', 'RequestType', 'Request Type', 'service_name', 'Category@0.9', 'Service Type', 'Problem Type',
  ],
  title: ['标题', '留言主题', '诉求标题', '主题', '工单标题', '留言标题', '事项名称@0.7', 'Title', 'Subject', 'Summary@0.8'],
  content: [
    '诉求内容', '问题描述', '留言详情', '来电内容', '工单内容', '内容', '详情', '反映内容', '诉求描述', '留言内容', '事项描述', '具体内容',
    'Description', 'Details', 'Content', 'Request Details',
  ],
  address: ['详细地址', '地址', '事发地址', '事发地点', '发生地址', '问题地址', '地点', '位置@0.6', 'Address', 'Incident Address', 'Full Address', 'Street Address'],
  district: ['所属区', '区县', '行政区', '所属区县', '区', '区域@0.7', '县区', 'Borough', 'CD', 'Council District', 'District'],
  street: ['街道', '乡镇', '街镇', '所属街道', '街道乡镇', '乡镇街道', '街乡镇', '镇街'],
  community: [
    '社区', '小区@0.9', '村居', '所属社区', '社区村', '村社区', '村居社区',
    'NCName', 'Neighborhood', 'Neighbourhood', 'Neighborhood Council', 'Community',
  ],
  lon: ['经度', 'Longitude', 'long', 'lon', 'lng', 'x坐标@0.8'],
  lat: ['纬度', 'Latitude', 'lat', 'y坐标@0.8'],
  department: [
    '承办单位', '处理部门', '责任单位', '办理单位', '主办单位', '承办部门', '处理单位', '责任部门', '办理部门', '部门@0.8', '单位@0.6',
    'Agency', 'Owner', 'agency_responsible', 'Agency Name@0.8', 'Department', 'Responsible Agency',
  ],
  transfers: ['转办次数', '流转次数', '转派次数', 'Transfers', 'Transfer Count'],
  status: ['办理状态', '工单状态', '状态@0.9', '处理状态', '办结状态', 'Status'],
  reply: [
    '答复内容', '回复内容', '处理结果', '答复意见', '办理结果', '办理情况', '处理意见', '回复意见', '答复',
    'Resolution Description', 'status_notes@0.8', 'Reply', 'Response',
  ],
  satisfaction: ['满意度', '评价结果', '回访结果', '满意度评价', '是否满意', '评价', '回访满意度', 'Satisfaction', 'Rating@0.8'],
  callerPhone: ['来电号码', '联系电话', '手机号', '手机号码', '电话', '联系方式@0.8', '主叫号码', '电话号码', 'Phone', 'Phone Number', 'Caller Phone', 'Contact Phone'],
};
