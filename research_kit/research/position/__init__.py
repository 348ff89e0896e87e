"""research/position"""
