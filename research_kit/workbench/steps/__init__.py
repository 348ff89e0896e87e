"""workbench/steps"""
